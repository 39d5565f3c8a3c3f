// The name in the message is valid UTF-8: U+1D465 is a surrogate pair in the
// source string and one four-byte sequence in the error.
let 𝑥 = 1;
let 𝑥 = 2;
