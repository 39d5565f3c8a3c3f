console.log('ab'.repeat(-2));
