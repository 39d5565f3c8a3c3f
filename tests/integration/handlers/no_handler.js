const notAHandler = 1;
