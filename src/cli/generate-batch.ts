/** Placeholder, replaced below. */
export interface GenerateInput {
  readonly out: string;
}
export async function generateOne(input: GenerateInput): Promise<{ out: string }> {
  return { out: input.out };
}
