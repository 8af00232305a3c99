/** zod issues as `{ path: "readings.3.value", message }`, the shape every 422 answer carries. */
export function zodIssuesToDetails(issues: { path: PropertyKey[]; message: string }[], max = 100) {
  return issues.slice(0, max).map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}
