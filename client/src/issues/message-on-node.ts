/** An issue's message shown on its own node: the validator's `Node "id": ` prefix says what the place already does. */
export function messageOnNode(message: string, nodeId: string): string {
  const prefix = `Node "${nodeId}": `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}
