import { information } from "./zh-CN/information";
import { admin } from "./zh-CN/admin";
import { feedback } from "./zh-CN/feedback";
import { pages } from "./zh-CN/pages";
import { staff } from "./zh-CN/staff";
import { vocabulary } from "./zh-CN/vocabulary";
import type { Messages } from "./types";

/** 简体中文消息，按区域分文件。键与英文一致。 */
export const zhCN: Messages = { ...pages, ...information, ...staff, ...admin, ...vocabulary, ...feedback };
