export { api, createApi, type Api } from './client.js';
export { ApiError, errorMessage, type ConnectionState, type UploadProgress } from './types.js';
