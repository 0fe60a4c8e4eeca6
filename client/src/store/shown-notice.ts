export interface Notice {
  kind: 'info' | 'error';
  text: string;
  /** Tells one notice from the next with the same text, so each gets its own time on screen. */
  id: number;
  /** The workflow open when it was raised: a save or run outcome means nothing in another one. */
  workflowId: string;
}

/** How long a notice stays up. Errors stay longer: they are read, then acted on. */
export function noticeLifetimeMs(notice: Pick<Notice, 'kind'>): number {
  return notice.kind === 'error' ? 10_000 : 4_000;
}

/** The notice to show in the open workflow; one raised in another workflow stays behind. */
export function shownNotice(notice: Notice | null, workflowId: string): Notice | null {
  return notice && notice.workflowId === workflowId ? notice : null;
}
