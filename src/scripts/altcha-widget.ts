// The ALTCHA widget in its CSP-friendly build: styles from a stylesheet, the SHA worker from a file of ours.
import 'altcha/external';
import 'altcha/altcha.css';
import 'altcha/i18n/vi';
import ShaWorker from 'altcha/workers/sha?worker';

globalThis.$altcha.algorithms.set('SHA-256', () => new ShaWorker());
