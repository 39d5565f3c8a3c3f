function Timer() {
  this.ticks = 0;
  const tick = () => {
    const inner = () => { this.ticks++; };
    inner();
    inner();
  };
  tick();
}
console.log(new Timer().ticks);
