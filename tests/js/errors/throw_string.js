console.log('about to throw a string');
throw 'oops-string';
