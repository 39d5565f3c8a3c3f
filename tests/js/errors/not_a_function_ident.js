const callback = 42;
callback('arg');
