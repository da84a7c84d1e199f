// Placeholder until the renderer lands: the caseload UI is built in src-renderer/src.
const root = document.getElementById('root');
if (root) root.textContent = 'Bindeled';
