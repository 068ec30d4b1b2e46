/** Part 3 of the fixture corpus (see fixtures.test.ts), in a file of its own so workers share the corpus. */
import { fixtureTests } from "./helpers/fixture-corpus.js";

fixtureTests(3);
