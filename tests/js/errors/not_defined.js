function useIt() {
  return missingVariable + 1;
}
console.log(useIt());
