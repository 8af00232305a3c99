/** The demo logins printed by `npm run demo` and used by the e2e tests. Local demo data only. */
export const DEMO_PASSWORDS = {
  member: "demo-password-1",
  mentor: "mentor-password-1",
} as const;

export const DEMO_PATIENT_EMAIL = "demo@proxima.local";
export const DEMO_MENTOR_EMAIL = "mentor@proxima.local";
