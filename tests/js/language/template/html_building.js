function row(cells) { return `<tr>${cells.map(c => `<td>${c}</td>`).join('')}</tr>`; }
const table = `<table>
${[[1, 2], [3, 4]].map(row).join('\n')}
</table>`;
console.log(table);
