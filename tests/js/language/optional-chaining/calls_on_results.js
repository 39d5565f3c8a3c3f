const api = { users: () => [{ name: 'x', tags: null }] };
console.log(api.users?.()[0]?.name, api.users?.()[0].tags?.length);
console.log(api.admins?.().length);
const fns = [x => x * 2];
console.log(fns[0]?.(21), fns[1]?.(21));
