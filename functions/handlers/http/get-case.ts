export const handler = async (): Promise<never> => { throw new Error('Not implemented yet'); };
