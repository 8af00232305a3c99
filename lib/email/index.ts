export { sendEmail, outboxDir, type EmailMessage, type SentEmail } from "./send-email";
export { composeShareLinkEmail, type ShareLinkEmailInput } from "./share-link-email";
