let target;
target.y = 1;
