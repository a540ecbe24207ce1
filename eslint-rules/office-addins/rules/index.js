"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const call_sync_after_load_1 = __importDefault(require("./call-sync-after-load"));
const call_sync_before_read_1 = __importDefault(require("./call-sync-before-read"));
const load_object_before_read_1 = __importDefault(require("./load-object-before-read"));
const no_context_sync_in_loop_1 = __importDefault(require("./no-context-sync-in-loop"));
const no_empty_load_1 = __importDefault(require("./no-empty-load"));
const no_navigational_load_1 = __importDefault(require("./no-navigational-load"));
const no_office_initialize_1 = __importDefault(require("./no-office-initialize"));
const test_for_null_using_isNullObject_1 = __importDefault(require("./test-for-null-using-isNullObject"));
exports.default = {
    "call-sync-before-read": call_sync_before_read_1.default,
    "load-object-before-read": load_object_before_read_1.default,
    "call-sync-after-load": call_sync_after_load_1.default,
    "no-context-sync-in-loop": no_context_sync_in_loop_1.default,
    "no-empty-load": no_empty_load_1.default,
    "no-navigational-load": no_navigational_load_1.default,
    "no-office-initialize": no_office_initialize_1.default,
    "test-for-null-using-isNullObject": test_for_null_using_isNullObject_1.default,
};
