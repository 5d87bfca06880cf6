// How figures and messages are written for the user: shared by the features and the commands.
export { arrayLabel, escapeMarkdown, fmt, fmtIn, fmtSum, inUnit } from './figures';
export { userText } from './userText';
