import { config } from 'zod/mini';
import { en } from 'zod/locales';

/**
 * zod's issue messages in English: the API's 400 details and the survey form quote them. zod's classic build sets this
 * locale itself; zod/mini leaves it to the application (a bundle carries only the locale it uses, about 3 KB), and
 * without one every message reads "Invalid input". Every module that declares schemas imports this one, so no schema
 * parses before it ran, whichever function bundles it.
 */
config(en());
