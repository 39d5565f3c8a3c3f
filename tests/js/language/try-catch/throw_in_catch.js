try {
  try {
    throw new Error('first');
  } catch (e) {
    throw new Error('second from ' + e.message);
  }
} catch (e2) {
  console.log(e2.message);
}
