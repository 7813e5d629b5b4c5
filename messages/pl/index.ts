import ApiErrors from './ApiErrors.json';
import Common from './Common.json';
import Home from './Home.json';
import Player from './Player.json';
import Support from './Support.json';

const messages = { ApiErrors, Common, Home, Player, Support };
export default messages;
