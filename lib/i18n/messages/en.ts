import { information } from "./en/information";
import { admin } from "./en/admin";
import { feedback } from "./en/feedback";
import { pages } from "./en/pages";
import { staff } from "./en/staff";
import { vocabulary } from "./en/vocabulary";

/** English messages, by area. zh-CN has the same keys; a unit test keeps them in step. */
export const en = { ...pages, ...information, ...staff, ...admin, ...vocabulary, ...feedback } as const;
