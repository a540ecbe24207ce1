"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const utils_1 = require("@typescript-eslint/utils");
exports.default = utils_1.ESLintUtils.RuleCreator(() => "https://docs.microsoft.com/office/dev/add-ins/develop/initialize-add-in#initialize-with-officeonready")({
    name: "no-office-initialize",
    meta: {
        type: "suggestion",
        messages: {
            noOfficeInitialize: "Office.onReady() is preferred over Office.initialize.",
        },
        docs: {
            description: "Office.onReady() is more flexible than Office.initialize.",
        },
        schema: [],
    },
    create: function (context) {
        return {
            "AssignmentExpression[left.object.name='Office'][left.property.name='initialize']"(node) {
                context.report({
                    node: node,
                    messageId: "noOfficeInitialize",
                });
            },
        };
    },
    defaultOptions: [],
});
