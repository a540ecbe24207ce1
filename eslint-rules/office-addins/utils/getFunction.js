"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.isGetFunction = isGetFunction;
exports.isGetOrNullObjectFunction = isGetOrNullObjectFunction;
const utils_1 = require("@typescript-eslint/utils");
const getJson = __importStar(require("./data/getFunctions.json"));
const getFunctions = new Set(getJson.getFunctions);
const getOrNullObjectFunctions = new Set(getJson.getOrNullObjectFunctions);
function isGetFunction(node) {
    return (node.type == utils_1.TSESTree.AST_NODE_TYPES.CallExpression &&
        node.callee.type === utils_1.TSESTree.AST_NODE_TYPES.MemberExpression &&
        node.callee.property.type === utils_1.TSESTree.AST_NODE_TYPES.Identifier &&
        (getFunctions.has(node.callee.property.name) ||
            getOrNullObjectFunctions.has(node.callee.property.name)));
}
function isGetOrNullObjectFunction(node) {
    return (node.type == utils_1.TSESTree.AST_NODE_TYPES.CallExpression &&
        node.callee.type === utils_1.TSESTree.AST_NODE_TYPES.MemberExpression &&
        node.callee.property.type === utils_1.TSESTree.AST_NODE_TYPES.Identifier &&
        getOrNullObjectFunctions.has(node.callee.property.name));
}
