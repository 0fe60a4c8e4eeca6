/** A tool call that failed in a way Claude should see (`is_error: true`, message as content). */
export class ToolFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolFailure';
  }
}
