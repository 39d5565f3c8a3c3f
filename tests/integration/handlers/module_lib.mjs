export const started = true;
export function greet(prefix, name) {
  return `${prefix}, ${name}!`;
}
