const face = '😀😀';
const label = '😀' + face +;
