class AppError extends Error {
  constructor(msg) {
    super(msg);
    this.name = 'AppError';
  }
}
throw new AppError('custom failure');
