/** C0 controls except tab, LF and CR, and DEL: never typed into an answer (PostgreSQL's text rejects U+0000). */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
