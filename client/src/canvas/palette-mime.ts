/** The drag-and-drop data type a palette item carries (its value is the node type). */
export const PALETTE_MIME = 'application/x-trellis-node-type';
