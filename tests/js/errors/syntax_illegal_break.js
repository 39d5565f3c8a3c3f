console.log('start');
break;
