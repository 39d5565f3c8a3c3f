console.log('scripts cannot return');
return 5;
