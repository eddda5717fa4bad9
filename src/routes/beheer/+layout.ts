// The workspace is interactive (forms with live feedback, previews): it ships its JavaScript.
// Public pages have none (src/routes/+layout.server.ts); a public page that needs some opts in.
export const csr = true;
