class HttpError extends Error {
  constructor(status, msg) {
    super(msg);
    this.name = 'HttpError';
    this.status = status;
  }
}
class NotFound extends HttpError {
  constructor(path) { super(404, 'not found: ' + path); }
}
const e = new NotFound('/x');
console.log(e.name, e.status, e.message, e instanceof NotFound, e instanceof HttpError, e instanceof Error);
console.log(String(e), Object.keys(e));
