const greeting = 'hello' 'world';
