export type { Cassette, CassetteExchange, CassetteRequest, CassetteResponse, FetchLike } from './cassette';
export { CASSETTE_FORMAT, CASSETTE_VERSION } from './cassette';
export { createRecordingFetch, type RecordingFetch } from './create-recording-fetch';
export { createReplayFetch, CASSETTE_MISMATCH } from './create-replay-fetch';
export { loadCassette } from './load-cassette';
export { saveCassette } from './save-cassette';
export { stringifyCassette } from './stringify-cassette';
export { createClaudeForCassette, type CassetteClaude, type CassetteClaudeOptions } from './create-claude-for-cassette';
export { parseReplayFlags, type ReplayFlags } from './parse-replay-flags';
