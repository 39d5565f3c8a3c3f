import { missing } from './module_lib.mjs';
export default { fetch: () => missing };
