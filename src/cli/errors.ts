/** An input the command cannot use: said in one French line, exit code 2. */
export class UserError extends Error {}
