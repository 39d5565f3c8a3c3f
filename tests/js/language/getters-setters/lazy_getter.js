let computed = 0;
const o = {
  get expensive() {
    computed++;
    Object.defineProperty(this, 'expensive', { value: 'cached', writable: false });
    return 'cached';
  },
};
console.log(o.expensive, o.expensive, o.expensive, computed);
