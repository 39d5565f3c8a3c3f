// gc-stress
let state = { count: 0, items: [] };
for (let i = 0; i < 600; i++) {
  state = { ...state, count: state.count + 1, items: [...state.items.slice(-20), i], ['k' + (i % 7)]: i };
}
console.log(state.count, state.items.length, state.items[19], Object.keys(state).length);
