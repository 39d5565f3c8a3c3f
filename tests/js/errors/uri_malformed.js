console.log(decodeURIComponent('%41%42'));
decodeURIComponent('%');
