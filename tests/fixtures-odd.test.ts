/** The odd-numbered fixtures of the corpus (see fixtures.test.ts), in a file of their own so a second worker runs them. */
import { fixtureTests } from "./helpers/fixture-corpus.js";

fixtureTests(1);
