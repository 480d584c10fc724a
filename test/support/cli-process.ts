// The real command line in its own process, from source (tests only; the installed bin runs dist/).
import { main } from '../../src/main.js';

await main(process.argv);
