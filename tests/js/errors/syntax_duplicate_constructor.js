class Twice {
  constructor() {}
  constructor(a) {}
}
