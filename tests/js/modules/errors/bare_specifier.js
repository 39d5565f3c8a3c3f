// A bare specifier (a package name) names itself in the error.
import _ from 'lodash';
console.log('not reached', _);
