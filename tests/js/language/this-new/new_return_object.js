function F() { this.x = 1; return { y: 2 }; }
function G() { this.x = 1; return 3; }
function H() { this.x = 1; return null; }
console.log(new F(), JSON.stringify(new G()), JSON.stringify(new H()));
console.log(new G() instanceof G, new F() instanceof F);
