let victim = 1;
delete victim;
